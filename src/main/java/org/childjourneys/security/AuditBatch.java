package org.childjourneys.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The accesses one GraphQL request makes, written to the audit trail together in one transaction
 * when the request has run and before its answer leaves ({@link AuditingInterceptor}). Resolvers
 * take it from the GraphQL context ({@code @ContextValue(name = AuditBatch.CONTEXT_KEY)}).
 */
public final class AuditBatch {

  public static final String CONTEXT_KEY = "auditBatch";

  private final List<AuditTrail.Access> pending = new ArrayList<>();

  public synchronized void add(AuditTrail.Access access) {
    pending.add(access);
  }

  synchronized List<AuditTrail.Access> drain() {
    List<AuditTrail.Access> drained = List.copyOf(pending);
    pending.clear();
    return drained;
  }
}
