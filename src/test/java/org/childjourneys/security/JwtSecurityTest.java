package org.childjourneys.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.childjourneys.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * A council's identity provider: tokens signed by its key, from its issuer, with roles and team in
 * configurable claims. Expired, forged and foreign tokens get nobody in.
 */
class JwtSecurityTest extends IntegrationTest {

  static final String ISSUER = "https://idp.council.example/realms/children";
  static final KeyPair COUNCIL = rsa();
  static final KeyPair FORGER = rsa();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
    Path pem = Path.of("target", "jwt-test", "council-public.pem");
    Files.createDirectories(pem.getParent());
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(COUNCIL.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
        () -> "file:" + pem.toAbsolutePath());
    registry.add("childjourneys.security.jwt.issuer", () -> ISSUER);
    registry.add("childjourneys.security.jwt.role-claim", () -> "groups");
    registry.add("childjourneys.security.jwt.authority-claim", () -> "lad");
  }

  static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String token(KeyPair key, String issuer, Instant expires, List<String> groups) {
    return token(key, issuer, expires, groups, null);
  }

  /** A token whose authority claim (lad) is the given local authority code, if any. */
  static String token(
      KeyPair key, String issuer, Instant expires, List<String> groups, String authority) {
    try {
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .claim("lad", authority)
              .issuer(issuer)
              .subject("3f6c2a")
              .claim("preferred_username", "jane.doe")
              .claim("groups", groups)
              .claim("team", "LCS:TEAM:Assessment North")
              .issueTime(Date.from(expires.minus(Duration.ofHours(1))))
              .expirationTime(Date.from(expires))
              .build();
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
      jwt.sign(new RSASSASigner(key.getPrivate()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  record Answer(int status, String body) {}

  Answer me(String token) {
    return RestClient.create("http://localhost:" + port)
        .post()
        .uri("/graphql")
        .contentType(MediaType.APPLICATION_JSON)
        .header("Authorization", "Bearer " + token)
        .body("{\"query\":\"{ me { name role team authority } }\"}")
        .exchange(
            (req, res) -> {
              try {
                return new Answer(
                    res.getStatusCode().value(), new String(res.getBody().readAllBytes()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  @Test
  void aTokenFromTheCouncilsProviderSignsInWithItsRoleAndTeam() {
    Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
    Answer ok = me(token(COUNCIL, ISSUER, inAnHour, List.of("FRONTLINE", "staff")));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body())
        .contains("\"name\":\"jane.doe\"")
        .contains("\"role\":\"FRONTLINE\"")
        .contains("\"team\":\"LCS:TEAM:Assessment North\"");

    // no authority claim: the deployment's own authority (childjourneys.authority.la-code)
    assertThat(ok.body()).contains("\"authority\":\"E06000999\"");
    Answer regional = me(token(COUNCIL, ISSUER, inAnHour, List.of("FRONTLINE"), "e06000998"));
    assertThat(regional.body()).contains("\"authority\":\"E06000998\"");

    Answer noRole = me(token(COUNCIL, ISSUER, inAnHour, List.of("staff")));
    assertThat(noRole.status()).isEqualTo(200);
    assertThat(noRole.body()).contains("FORBIDDEN").doesNotContain("jane.doe");
  }

  @Test
  void expiredForgedAndForeignTokensAreRefused() {
    Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
    List<String> admin = List.of("ADMIN");
    assertThat(
            me(token(COUNCIL, ISSUER, Instant.now().minus(Duration.ofMinutes(5)), admin)).status())
        .isEqualTo(401);
    assertThat(me(token(FORGER, ISSUER, inAnHour, admin)).status()).isEqualTo(401);
    assertThat(me(token(COUNCIL, "https://idp.elsewhere.example", inAnHour, admin)).status())
        .isEqualTo(401);
    assertThat(me("not.a.token").status()).isEqualTo(401);
  }
}
