package org.childjourneys.security;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may sign in. Real deployments use the council's identity provider (OIDC/JWT: set
 * spring.security.oauth2.resourceserver.jwt.issuer-uri); the embedded default has one local user
 * per persona, whose passwords come from configuration or are generated on first start.
 *
 * @param localUsers whether the built-in users exist (HTTP basic); off when an identity provider is
 *     used
 * @param users per user name: password (plain, from the environment; generated when blank), role,
 *     team and authority (the local authority's ONS code; default childjourneys.authority.la-code)
 * @param passwordFile where generated passwords are kept (readable by the owner only)
 * @param jwt how roles, teams and authorities are read from an identity provider's tokens
 */
@ConfigurationProperties("childjourneys.security")
public record SecurityProperties(
    Boolean localUsers, Map<String, LocalUser> users, Path passwordFile, Jwt jwt) {

  public SecurityProperties {
    localUsers = localUsers == null || localUsers;
    users = users == null ? Map.of() : Map.copyOf(users);
    passwordFile = passwordFile == null ? Path.of("data", "local-users.properties") : passwordFile;
    jwt = jwt == null ? new Jwt(null, null, null, null, null) : jwt;
  }

  /**
   * A built-in user.
   *
   * @param authority the local authority the user works for (ONS code); null: the deployment's own
   *     ({@code childjourneys.authority.la-code}). (One constructor only: configuration binding
   *     must know which to call.)
   */
  public record LocalUser(String password, Role role, String team, String authority) {}

  /**
   * @param roleClaim the claim holding the user's roles (persona names, e.g. FRONTLINE)
   * @param teamClaim the claim holding the user's team id
   * @param nameClaim the claim naming the user in the audit trail
   * @param issuer the issuer tokens must come from, checked when the provider's keys are given
   *     directly (jwk-set-uri or public-key-location) rather than found from its issuer-uri
   * @param authorityClaim the claim holding the ONS code of the local authority the user works for
   *     (a token without it is of the deployment's own authority)
   */
  public record Jwt(
      String roleClaim, String teamClaim, String nameClaim, String issuer, String authorityClaim) {
    public Jwt {
      roleClaim = roleClaim == null || roleClaim.isBlank() ? "roles" : roleClaim;
      teamClaim = teamClaim == null || teamClaim.isBlank() ? "team" : teamClaim;
      nameClaim = nameClaim == null || nameClaim.isBlank() ? "preferred_username" : nameClaim;
      authorityClaim =
          authorityClaim == null || authorityClaim.isBlank() ? "authority" : authorityClaim;
    }
  }
}
