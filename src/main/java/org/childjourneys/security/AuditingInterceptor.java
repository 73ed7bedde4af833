package org.childjourneys.security;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every GraphQL request an {@link AuditBatch} and commits it after the request has run and
 * before the answer is sent. If the trail cannot be written the request fails: no child's data
 * leaves without its audit entry.
 */
@Component
class AuditingInterceptor implements WebGraphQlInterceptor {

  private final AuditTrail audit;

  AuditingInterceptor(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    AuditBatch batch = new AuditBatch();
    request.configureExecutionInput(
        (input, builder) -> builder.graphQLContext(Map.of(AuditBatch.CONTEXT_KEY, batch)).build());
    return chain
        .next(request)
        .doOnError(e -> audit.record(batch.drain()))
        .map(
            response -> {
              audit.record(batch.drain());
              return response;
            });
  }
}
