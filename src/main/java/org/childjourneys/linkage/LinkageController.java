package org.childjourneys.linkage;

import java.util.List;
import org.childjourneys.graphql.IdArgument;
import org.childjourneys.security.Actors;
import org.childjourneys.security.AuditBatch;
import org.childjourneys.security.Purpose;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class LinkageController {

  private final LinkageService linkage;
  private final Actors actors;

  LinkageController(LinkageService linkage, Actors actors) {
    this.linkage = linkage;
    this.actors = actors;
  }

  @QueryMapping
  LinkageService.ReviewPage linkReviews(
      @Argument Purpose purpose,
      @Argument String status,
      @Argument int first,
      @Argument String after,
      @ContextValue(name = AuditBatch.CONTEXT_KEY) AuditBatch audit) {
    return linkage.reviews(actors.require(), purpose, status, first, after, audit);
  }

  @QueryMapping
  List<LinkageService.Merge> merges(
      @Argument Purpose purpose,
      @Argument String personId,
      @ContextValue(name = AuditBatch.CONTEXT_KEY) AuditBatch audit) {
    IdArgument.check("personId", personId);
    return linkage.merges(actors.require(), purpose, personId, audit);
  }

  @MutationMapping
  LinkageService.Merge acceptLinkReview(
      @Argument Purpose purpose, @Argument String id, @Argument String reason) {
    IdArgument.check("id", id);
    return linkage.accept(actors.require(), purpose, id, reason);
  }

  @MutationMapping
  LinkageService.Review rejectLinkReview(
      @Argument Purpose purpose, @Argument String id, @Argument String reason) {
    IdArgument.check("id", id);
    return linkage.reject(actors.require(), purpose, id, reason);
  }

  @MutationMapping
  LinkageService.Merge mergePeople(
      @Argument Purpose purpose,
      @Argument String keepId,
      @Argument String absorbId,
      @Argument String reason) {
    IdArgument.check("keepId", keepId);
    IdArgument.check("absorbId", absorbId);
    return linkage.merge(actors.require(), purpose, keepId, absorbId, reason);
  }

  @MutationMapping
  LinkageService.Merge unmergePeople(
      @Argument Purpose purpose, @Argument String mergeId, @Argument String reason) {
    IdArgument.check("mergeId", mergeId);
    return linkage.unmerge(actors.require(), purpose, mergeId, reason);
  }
}
