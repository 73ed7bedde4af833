package org.childjourneys.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.childjourneys.neo4j.CypherFile;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * The audit trail of access to children's records. Entries are written in their own write
 * transaction and committed before the caller answers (so a crash after the answer cannot lose
 * them), and chained: each entry's hash covers its content and the previous hash, so removing or
 * editing an entry breaks the chain from there on ({@link #verify()}).
 */
@Service
public class AuditTrail {

  /** One access to record. */
  public record Access(
      Actor actor,
      Purpose purpose,
      String action,
      String childId,
      String what,
      boolean allowed,
      boolean found) {}

  /** The result of checking the chain: entries checked, and the first broken one (or -1). */
  public record Verification(long entries, long firstBrokenSeq) {
    public boolean intact() {
      return firstBrokenSeq < 0;
    }
  }

  private final Driver driver;
  private final String database;
  private final AuditHeadPublisher heads;

  AuditTrail(
      Driver driver,
      @org.springframework.beans.factory.annotation.Value("${spring.data.neo4j.database:neo4j}")
          String database,
      AuditHeadPublisher heads) {
    this.driver = driver;
    this.database = database;
    this.heads = heads;
  }

  /** Writes the accesses as one transaction; throws if they could not be recorded. */
  public void record(List<Access> accesses) {
    if (accesses.isEmpty()) {
      return;
    }
    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      Map.Entry<Long, String> committed =
          session.executeWrite(
              tx -> {
                var head = tx.run(CypherFile.load("security/audit-chain-lock")).single();
                long seq = head.get("seq").asLong();
                String prev = head.get("head").asString();
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Access a : accesses) {
                  seq++;
                  AuditEntry e =
                      new AuditEntry(
                          seq,
                          at,
                          a.actor().name(),
                          a.actor().role().name(),
                          a.actor().team(),
                          a.purpose() == null ? null : a.purpose().name(),
                          a.action(),
                          a.childId(),
                          a.what(),
                          a.allowed(),
                          a.found(),
                          prev,
                          null);
                  String hash = hash(e);
                  rows.add(row(e, hash));
                  prev = hash;
                }
                tx.run(
                        CypherFile.load("security/audit-append"),
                        Map.of("entries", rows, "seq", seq, "head", prev))
                    .consume();
                return Map.entry(seq, prev);
              });
      heads.publish(committed.getKey(), committed.getValue(), at);
    }
  }

  public List<AuditEntry> byChild(String childId, int limit) {
    return read("security/audit-by-child", Map.of("childId", childId, "limit", limit));
  }

  public List<AuditEntry> byActor(String actor, int limit) {
    return read("security/audit-by-actor", Map.of("actor", actor, "limit", limit));
  }

  /** Entries for an export, oldest first (childId and actor optional, period half-open). */
  public List<AuditEntry> export(
      String childId, String actor, OffsetDateTime from, OffsetDateTime to, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("childId", childId);
    params.put("actor", actor);
    params.put("from", from);
    params.put("to", to);
    params.put("limit", limit);
    return read("security/audit-export", params);
  }

  /**
   * Recomputes every hash in order (an edited, removed or inserted entry breaks the chain), and
   * checks the chain against the heads published outside the database (a chain rewritten from some
   * entry on no longer has the hash published for it).
   */
  public Verification verify() {
    List<AuditEntry> all = read("security/audit-chain", Map.of());
    Map<Long, String> published = heads.published();
    String prev = "GENESIS";
    long expectedSeq = 1;
    for (AuditEntry e : all) {
      if (e.seq() != expectedSeq || !e.prevHash().equals(prev) || !hash(e).equals(e.hash())) {
        return new Verification(all.size(), e.seq());
      }
      String publishedHash = published.get(e.seq());
      if (publishedHash != null && !publishedHash.equals(e.hash())) {
        return new Verification(all.size(), e.seq());
      }
      prev = e.hash();
      expectedSeq++;
    }
    long lastPublished = published.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    if (lastPublished >= expectedSeq) {
      return new Verification(all.size(), expectedSeq); // entries published, now missing
    }
    return new Verification(all.size(), -1);
  }

  private List<AuditEntry> read(String query, Map<String, Object> params) {
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      return session.executeRead(
          tx -> tx.run(CypherFile.load(query), params).list(r -> entry(r.get("a"))));
    }
  }

  private static AuditEntry entry(Value a) {
    return new AuditEntry(
        a.get("seq").asLong(),
        a.get("at").asOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
        a.get("actor").asString(),
        a.get("role").asString(),
        a.get("team").asString(null),
        a.get("purpose").asString(null),
        a.get("action").asString(),
        a.get("childId").asString(null),
        a.get("what").asString(null),
        a.get("allowed").asBoolean(),
        a.get("found").asBoolean(),
        a.get("prevHash").asString(),
        a.get("hash").asString());
  }

  private static Map<String, Object> row(AuditEntry e, String hash) {
    Map<String, Object> m = new HashMap<>();
    m.put("seq", e.seq());
    m.put("at", e.at());
    m.put("actor", e.actor());
    m.put("role", e.role());
    m.put("team", e.team());
    m.put("purpose", e.purpose());
    m.put("action", e.action());
    m.put("childId", e.childId());
    m.put("what", e.what());
    m.put("allowed", e.allowed());
    m.put("found", e.found());
    m.put("prevHash", e.prevHash());
    m.put("hash", hash);
    m.values().removeIf(v -> v == null);
    return m;
  }

  static String hash(AuditEntry e) {
    String canonical =
        String.join(
            "\u001f",
            String.valueOf(e.seq()),
            e.at().toInstant().toString(),
            e.actor(),
            e.role(),
            String.valueOf(e.team()),
            String.valueOf(e.purpose()),
            e.action(),
            String.valueOf(e.childId()),
            String.valueOf(e.what()),
            String.valueOf(e.allowed()),
            String.valueOf(e.found()),
            e.prevHash());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
