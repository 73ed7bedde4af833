package org.childjourneys.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request but the health check is authenticated: by the council's identity provider's tokens
 * (OIDC/JWT, when configured) or, in the embedded default, as one of the built-in users (HTTP
 * basic, or the web pages' sign-in form). Scripts get no session: each request carries its
 * credentials. Imports are for administrators. See docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, SecurityProperties props, ObjectProvider<JwtDecoder> jwtDecoder)
      throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    // The sign-in page and the pages' styles, scripts and chart library.
                    .requestMatchers("/login", "/login.html", "/app/assets/**", "/webjars/**")
                    .permitAll()
                    .requestMatchers("/api/imports", "/api/imports/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/audit.csv")
                    .hasAnyRole(Role.QUALITY_ASSURANCE.name(), Role.ADMIN.name())
                    .anyRequest()
                    .authenticated())
        // Scripts send credentials with each request and get no session; only the web pages'
        // sign-in form makes one (see webPages below).
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        // Cross-site requests are refused below by their Origin, and the pages' session cookie is
        // SameSite=Strict, so a forged cross-site post carries no credentials.
        .csrf(csrf -> csrf.disable())
        .addFilterBefore(new CrossSiteRequestFilter(), BasicAuthenticationFilter.class)
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"),
                    PathPatternRequestMatcher.pathPattern("/app/**")));
    if (props.localUsers()) {
      http.httpBasic(basic -> basic.realmName("Child Journeys"));
      webPages(http);
    }
    if (jwtDecoder.getIfAvailable() != null) {
      http.oauth2ResourceServer(
          oauth ->
              oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(roles(props.jwt().roleClaim()))));
    }
    return http.build();
  }

  /**
   * The web pages sign in with a form (built-in users) and keep a session cookie, so the browser
   * never caches basic credentials; signing out ends the session.
   */
  private static void webPages(HttpSecurity http) throws Exception {
    http.formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/app/", false)
                    .failureUrl("/login?error"))
        .logout(
            logout ->
                logout
                    .logoutUrl("/logout")
                    .logoutSuccessUrl("/login?signedOut")
                    .deleteCookies("CJSESSION"));
  }

  /**
   * Tokens must come from the configured issuer, and be in date, whichever way the provider's keys
   * are configured.
   */
  @Bean
  static BeanPostProcessor issuerValidation(
      @Value("${childjourneys.security.jwt.issuer:}") String issuer) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof NimbusJwtDecoder decoder && !issuer.isBlank()) {
          decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        }
        return bean;
      }
    };
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService localUsers(SecurityProperties props, PasswordEncoder encoder) {
    if (!props.localUsers()) {
      return new InMemoryUserDetailsManager();
    }
    return new InMemoryUserDetailsManager(LocalUsers.load(props, encoder));
  }

  /** Roles from the token's role claim: persona names (FRONTLINE) or ROLE_-prefixed ones. */
  private static JwtAuthenticationConverter roles(String claim) {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> {
          Collection<GrantedAuthority> authorities = new ArrayList<>();
          Object value = jwt.getClaims().get(claim);
          List<?> names =
              value instanceof Collection<?> c
                  ? List.copyOf(c)
                  : value == null ? List.of() : List.of(value);
          for (Object n : names) {
            String name = String.valueOf(n).strip();
            authorities.add(
                new SimpleGrantedAuthority(name.startsWith("ROLE_") ? name : "ROLE_" + name));
          }
          return authorities;
        });
    return converter;
  }

  /**
   * A browser that has cached basic credentials would send them with a forged cross-site form post:
   * state-changing requests whose Origin is another site are refused.
   */
  static final class CrossSiteRequestFilter extends OncePerRequestFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String origin = request.getHeader("Origin");
      if (origin != null && !SAFE.contains(request.getMethod()) && !sameOrigin(origin, request)) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response
            .getWriter()
            .write("{\"error\":\"cross-site request refused: Origin " + sanitize(origin) + "\"}");
        return;
      }
      chain.doFilter(request, response);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
      try {
        URI o = URI.create(origin);
        int port = o.getPort() != -1 ? o.getPort() : "https".equals(o.getScheme()) ? 443 : 80;
        return o.getScheme() != null
            && o.getScheme().equalsIgnoreCase(request.getScheme())
            && o.getHost() != null
            && o.getHost().equalsIgnoreCase(request.getServerName())
            && port == request.getServerPort();
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    private static String sanitize(String s) {
      return s.replaceAll("[^A-Za-z0-9:/._-]", "?");
    }
  }
}
