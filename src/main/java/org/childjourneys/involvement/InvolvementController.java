package org.childjourneys.involvement;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.childjourneys.security.GrantedChild;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Who is in touch with a child and their family network. All children of a request are read in one
 * query per field (DataLoaders), so a page of 50 children costs the same two queries as one.
 */
@Controller
class InvolvementController {

  private final InvolvementService involvements;

  InvolvementController(InvolvementService involvements, BatchLoaderRegistry loaders) {
    this.involvements = involvements;
    loaders
        .forTypePair(String.class, InvolvementFacts.class)
        .registerMappedBatchLoader(
            (ids, env) -> Mono.fromCallable(() -> involvements.involvements(ids)));
    loaders
        .forTypePair(String.class, FamilyFacts.class)
        .registerMappedBatchLoader(
            (ids, env) -> Mono.fromCallable(() -> involvements.families(ids)));
  }

  @SchemaMapping(typeName = "Child")
  CompletableFuture<InTouch> inTouch(
      GrantedChild child, @Argument LocalDate asOf, DataLoader<String, InvolvementFacts> facts) {
    return facts.load(child.id()).thenApply(f -> involvements.inTouch(child, f, asOf));
  }

  @SchemaMapping(typeName = "Child")
  CompletableFuture<List<FamilyMember>> family(
      GrantedChild child, @Argument LocalDate asOf, DataLoader<String, FamilyFacts> facts) {
    return facts.load(child.id()).thenApply(f -> involvements.family(child, f, asOf));
  }

  @SchemaMapping(typeName = "ServiceInvolvement")
  InTouch.ProfessionalContact lead(InTouch.ServiceInvolvement involvement) {
    return involvement.lead();
  }
}
