package org.childjourneys.neo4j;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/** Wires {@link ServiceBookmarks}: the driver's sessions, the request header, the response. */
@Configuration(proxyBeanMethods = false)
class ServiceBookmarksConfiguration {

  @Bean
  ServiceBookmarks serviceBookmarks() {
    return new ServiceBookmarks();
  }

  @Bean
  static BeanPostProcessor bookmarkingDriver(ObjectProvider<ServiceBookmarks> bookmarks) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof Driver driver ? bookmarks.getObject().wrap(driver) : bean;
      }
    };
  }

  /** The bookmarks a client sends back, for the sessions of its request. */
  @Bean
  OncePerRequestFilter requestBookmarks() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String header = request.getHeader(ServiceBookmarks.HEADER);
        if (header == null || header.isBlank()) {
          chain.doFilter(request, response);
          return;
        }
        try {
          ServiceBookmarks.useForThisRequest(ServiceBookmarks.decode(header));
        } catch (IllegalArgumentException e) {
          response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
          response.setContentType(MediaType.APPLICATION_JSON_VALUE);
          response
              .getWriter()
              .write(
                  "{\"error\":\"header "
                      + ServiceBookmarks.HEADER
                      + ": not a bookmark this service gave; send back the value of the"
                      + " last response's header, or none\"}");
          return;
        }
        try {
          chain.doFilter(request, response);
        } finally {
          ServiceBookmarks.clearRequest();
        }
      }
    };
  }

  /** Each GraphQL response says which writes a follow-up read must see. */
  @Bean
  WebGraphQlInterceptor bookmarkHeader(ServiceBookmarks bookmarks) {
    return (request, chain) ->
        chain
            .next(request)
            .doOnNext(
                response -> {
                  String header = bookmarks.header();
                  if (!header.isEmpty()) {
                    response.getResponseHeaders().set(ServiceBookmarks.HEADER, header);
                  }
                });
  }
}
