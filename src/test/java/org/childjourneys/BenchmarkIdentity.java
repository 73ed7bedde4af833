package org.childjourneys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmarks' identity provider: a key made for the run, its public key where the service reads
 * it, and bearer tokens it signs (the council identity-provider path of docs/security.md); and a
 * GraphQL request over HTTP with such a token.
 */
public final class BenchmarkIdentity {

  private static final String ISSUER = "https://idp.bench.example";

  private final KeyPair key;
  private final Path publicKey;

  private BenchmarkIdentity(KeyPair key, Path publicKey) {
    this.key = key;
    this.publicKey = publicKey;
  }

  /** A new key for this run, its public half written to the run's directory. */
  public static BenchmarkIdentity create(Path run) throws Exception {
    KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    Path pem = run.resolve("idp-public.pem");
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    return new BenchmarkIdentity(key, pem);
  }

  /**
   * Starts the service on the benchmark store of {@code children}, trusting this identity
   * provider's tokens, with Bolt on a free port; {@code configuration} adds test beans.
   */
  public ConfigurableApplicationContext startService(
      int children, Path run, Class<?>... configuration) {
    Class<?>[] sources = new Class<?>[configuration.length + 1];
    sources[0] = ChildJourneysApplication.class;
    System.arraycopy(configuration, 0, sources, 1, configuration.length);
    return new SpringApplicationBuilder(sources)
        .run(
            BenchmarkStore.arguments(
                children,
                run,
                "--childjourneys.neo4j.embedded.bolt-port=0",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
                "--childjourneys.security.jwt.issuer=" + ISSUER));
  }

  /** A token for a user with one role, valid for two hours. */
  public String token(String role) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("bench")
                .claim("preferred_username", "bench." + role.toLowerCase(Locale.ROOT))
                .claim("roles", List.of(role))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2))))
                .build());
    jwt.sign(new RSASSASigner(key.getPrivate()));
    return jwt.serialize();
  }

  /**
   * POSTs a GraphQL request ({@code variables} a JSON object) and returns the body; when {@code
   * checked}, an answer other than 200 or one with errors throws, naming the query.
   */
  public static String post(
      HttpClient http, URI uri, String token, String query, String variables, boolean checked)
      throws Exception {
    String body = "{\"query\":" + json(query) + ",\"variables\":" + variables + "}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (checked && (response.statusCode() != 200 || response.body().contains("\"errors\""))) {
      throw new IllegalStateException(
          "The API refused " + query + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /** A JSON string of the text. */
  public static String json(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        default -> s.append(c);
      }
    }
    return s.append('"').toString();
  }
}
