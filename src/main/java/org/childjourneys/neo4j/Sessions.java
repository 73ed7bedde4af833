package org.childjourneys.neo4j;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.SessionConfig;

/**
 * Session settings by what the work does: a session that only reads is a READ session, so a cluster
 * serves it from any member; writes (in explicit write transactions) go to the leader.
 */
public final class Sessions {

  private Sessions() {}

  /** A session whose auto-commit statements and default transactions read only. */
  public static SessionConfig read(String database) {
    return SessionConfig.builder()
        .withDatabase(database)
        .withDefaultAccessMode(AccessMode.READ)
        .build();
  }
}
