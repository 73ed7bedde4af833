package org.childjourneys.chronology;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.childjourneys.InvalidInputException;
import org.childjourneys.graphql.IdArgument;
import org.childjourneys.graphql.PageSize;
import org.childjourneys.security.Actors;
import org.childjourneys.security.GrantedChild;
import org.childjourneys.security.Purpose;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * A child's chronology, summary and step changes, and practitioners' annotations. The facts of all
 * children in a request are read in one query (a DataLoader), whatever the number of children.
 */
@Controller
class ChronologyController {

  private final ChronologyService chronologies;
  private final AnnotationService annotations;
  private final Actors actors;

  ChronologyController(
      ChronologyService chronologies,
      AnnotationService annotations,
      Actors actors,
      BatchLoaderRegistry loaders) {
    this.chronologies = chronologies;
    this.annotations = annotations;
    this.actors = actors;
    loaders
        .forTypePair(String.class, ChildFacts.class)
        .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> chronologies.facts(ids)));
  }

  @SchemaMapping(typeName = "Child")
  CompletableFuture<ChronologyConnection> chronology(
      GrantedChild child,
      @Argument Integer first,
      @Argument String after,
      @Argument String order,
      @Argument Boolean enhanced,
      @Argument Map<String, Object> filter,
      DataLoader<String, ChildFacts> facts) {
    ChronologyQuery query = query(first, after, order, enhanced, filter);
    return facts.load(child.id()).thenApply(f -> chronologies.chronology(child, f, query));
  }

  @SchemaMapping(typeName = "Child")
  CompletableFuture<ChildSummary> summary(
      GrantedChild child, @Argument LocalDate asOf, DataLoader<String, ChildFacts> facts) {
    return facts.load(child.id()).thenApply(f -> chronologies.summary(child, f, asOf));
  }

  @SchemaMapping(typeName = "Child")
  CompletableFuture<List<StepChange>> stepChanges(
      GrantedChild child, DataLoader<String, ChildFacts> facts) {
    return facts.load(child.id()).thenApply(f -> chronologies.stepChanges(child, f));
  }

  @MutationMapping
  AnnotationService.Annotation flagChronologyItem(
      @Argument Purpose purpose,
      @Argument String childId,
      @Argument String itemId,
      @Argument String flag,
      @Argument String reason) {
    IdArgument.check("childId", childId);
    IdArgument.check("itemId", itemId);
    return annotations.flag(actors.require(), purpose, childId, itemId, flag, reason);
  }

  @MutationMapping
  AnnotationService.Annotation addChronologyNote(
      @Argument Purpose purpose,
      @Argument String childId,
      @Argument LocalDate date,
      @Argument String text) {
    IdArgument.check("childId", childId);
    return annotations.note(actors.require(), purpose, childId, date, text);
  }

  @MutationMapping
  AnnotationService.Annotation confirmProfessionalContact(
      @Argument Purpose purpose,
      @Argument String childId,
      @Argument String professionalId,
      @Argument String email,
      @Argument String phone) {
    IdArgument.check("childId", childId);
    IdArgument.check("professionalId", professionalId);
    return annotations.confirmContact(
        actors.require(), purpose, childId, professionalId, email, phone);
  }

  @SuppressWarnings("unchecked")
  private static ChronologyQuery query(
      Integer first, String after, String order, Boolean enhanced, Map<String, Object> filter) {
    int size = PageSize.check("first", first == null ? 50 : first);
    Map<String, Object> f = filter == null ? Map.of() : filter;
    List<String> flags = (List<String>) f.get("flags");
    if (Boolean.TRUE.equals(enhanced) && flags == null) {
      flags = List.copyOf(ChronologyFlags.FLAGS);
    }
    List<ChronologyItem.Category> categories =
        f.get("categories") == null
            ? null
            : ((List<Object>) f.get("categories"))
                .stream().map(c -> ChronologyItem.Category.valueOf(c.toString())).toList();
    LocalDate from = (LocalDate) f.get("from");
    LocalDate to = (LocalDate) f.get("to");
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidInputException("filter.from", "after filter.to (" + from + " > " + to + ")");
    }
    return new ChronologyQuery(
        size,
        after,
        !"OLDEST_FIRST".equals(order),
        (List<String>) f.get("services"),
        (List<String>) f.get("kinds"),
        categories,
        from,
        to,
        flags,
        (List<String>) f.get("needCodes"));
  }
}
