package org.childjourneys.security;

import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
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

  /** One caller's accesses waiting for the writer, and when they happened. */
  private record Pending(
      List<Access> accesses, OffsetDateTime at, CompletableFuture<Void> committed) {}

  private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
  private volatile Thread writer;

  /**
   * Writes the accesses and returns once they are committed; throws if they could not be recorded.
   * Concurrent callers' entries are committed together by one writer (group commit): the chain has
   * one order whichever way, and one transaction per group instead of one per request keeps the
   * chain's lock from limiting throughput.
   */
  public void record(List<Access> accesses) {
    if (accesses.isEmpty()) {
      return;
    }
    Pending mine =
        new Pending(
            accesses,
            OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
            new CompletableFuture<>());
    startWriter();
    pending.add(mine);
    try {
      mine.committed().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the audit trail was written", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The audit trail could not be written", e.getCause());
    }
  }

  private synchronized void startWriter() {
    if (writer == null) {
      writer = new Thread(this::writeGroups, "audit-writer");
      writer.setDaemon(true);
      writer.start();
    }
  }

  private void writeGroups() {
    while (true) {
      List<Pending> group = new ArrayList<>();
      try {
        group.add(pending.take());
      } catch (InterruptedException e) {
        return;
      }
      pending.drainTo(group, 999);
      try {
        write(group);
        group.forEach(p -> p.committed().complete(null));
      } catch (RuntimeException e) {
        // One caller's bad entry must not fail the others: write each on its own.
        for (Pending p : group) {
          try {
            write(List.of(p));
            p.committed().complete(null);
          } catch (RuntimeException alone) {
            p.committed().completeExceptionally(alone);
          }
        }
      }
    }
  }

  @PreDestroy
  void stopWriter() {
    Thread w = writer;
    if (w != null) {
      w.interrupt();
    }
  }

  /** The chain head this writer last committed or read (seq, hash); null until known. */
  private Map.Entry<Long, String> knownHead;

  /**
   * Writes a group in one auto-commit statement after the head this writer knows; when another
   * writer moved the head meanwhile, reloads it (taking its lock) and tries again.
   */
  private void write(List<Pending> group) {
    try (var session = driver.session(SessionConfig.forDatabase(database))) {
      for (int attempt = 0; attempt < 5; attempt++) {
        if (knownHead == null) {
          knownHead =
              session.executeWrite(
                  tx -> {
                    var head = tx.run(CypherFile.load("security/audit-chain-lock")).single();
                    return Map.entry(head.get("seq").asLong(), head.get("head").asString());
                  });
        }
        long seq = knownHead.getKey();
        String prev = knownHead.getValue();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Pending p : group) {
          for (Access a : p.accesses()) {
            seq++;
            AuditEntry e =
                new AuditEntry(
                    seq,
                    p.at(),
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
        }
        Map<String, Object> params = new HashMap<>();
        params.put("expectedSeq", knownHead.getKey());
        params.put("expectedHead", knownHead.getValue());
        params.put("entries", rows);
        params.put("seq", seq);
        params.put("head", prev);
        long written;
        try {
          written =
              session
                  .run(CypherFile.load("security/audit-append-after"), params)
                  .single()
                  .get("written")
                  .asLong();
        } catch (RuntimeException e) {
          knownHead = null; // the outcome is unknown: read the head again next time
          throw e;
        }
        if (written == rows.size()) {
          knownHead = Map.entry(seq, prev);
          heads.publish(seq, prev, group.get(group.size() - 1).at());
          return;
        }
        knownHead = null; // another writer moved the head: reload it and chain after it
      }
      throw new IllegalStateException("The audit chain head kept moving; entries not written");
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
