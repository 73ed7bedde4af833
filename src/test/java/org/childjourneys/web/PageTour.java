package org.childjourneys.web;

import org.openqa.selenium.By;

/** Development aid: screenshots of the pages of a running service (base URL, user, password). */
public final class PageTour {
  public static void main(String[] args) {
    try (Browser browser = new Browser(args[0])) {
      browser.signIn(args[1], args[2]);
      for (int i = 3; i < args.length; i++) {
        browser.open(args[i]);
        try {
          Thread.sleep(10000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        String name = args[i].replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        System.out.println(browser.screenshot(name));
        browser.console().forEach(System.out::println);
        System.out.println(
            browser.driver.findElement(By.tagName("main")).getText().lines().limit(60).toList());
      }
    }
  }
}
