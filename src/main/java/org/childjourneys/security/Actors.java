package org.childjourneys.security;

import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** The actor of the current request, from the security context (local user or token). */
@Component
public class Actors {

  private final Map<String, SecurityProperties.LocalUser> localUsers;
  private final SecurityProperties.Jwt jwt;

  private final Authorities authorities;

  Actors(SecurityProperties props, Authorities authorities) {
    this.localUsers = LocalUsers.withDefaults(props);
    this.jwt = props.jwt();
    this.authorities = authorities;
  }

  /** The current actor; empty when the request is not authenticated. */
  public Optional<Actor> current() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  /** The current actor; refuses a request by a user with none of this service's roles. */
  public Actor require() {
    return current()
        .orElseThrow(
            () ->
                new org.springframework.security.access.AccessDeniedException(
                    "No role of this service is granted"));
  }

  public Optional<Actor> of(Authentication auth) {
    if (auth == null || !auth.isAuthenticated()) {
      return Optional.empty();
    }
    Role role = null;
    for (GrantedAuthority a : auth.getAuthorities()) {
      String name = a.getAuthority();
      if (name != null && name.startsWith("ROLE_")) {
        try {
          role = Role.valueOf(name.substring(5));
          break;
        } catch (IllegalArgumentException e) {
          // a role of another application: not ours
        }
      }
    }
    if (role == null) {
      return Optional.empty();
    }
    if (auth instanceof JwtAuthenticationToken token) {
      String name = token.getToken().getClaimAsString(jwt.nameClaim());
      return Optional.of(
          new Actor(
              name != null ? name : token.getName(),
              role,
              token.getToken().getClaimAsString(jwt.teamClaim()),
              authority(token.getToken().getClaimAsString(jwt.authorityClaim()))));
    }
    SecurityProperties.LocalUser local = localUsers.get(auth.getName());
    return Optional.of(
        new Actor(
            auth.getName(),
            role,
            local == null ? null : local.team(),
            authority(local == null ? null : local.authority())));
  }

  /** The authority's code as configured or claimed; the deployment's own when none (or null). */
  private String authority(String code) {
    String c = authorities.orHome(code);
    return c.isEmpty() ? null : c;
  }
}
