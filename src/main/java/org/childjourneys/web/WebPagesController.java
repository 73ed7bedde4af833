package org.childjourneys.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web pages are static files under {@code static/app} that call the GraphQL API with the
 * signed-in user's session; these mappings give them short addresses.
 */
@Controller
class WebPagesController {

  @GetMapping({"/", "/app"})
  String home() {
    return "redirect:/app/";
  }

  @GetMapping("/app/")
  String index() {
    return "forward:/app/index.html";
  }

  @GetMapping("/login")
  String login() {
    return "forward:/login.html";
  }
}
