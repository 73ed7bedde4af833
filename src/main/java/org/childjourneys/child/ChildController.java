package org.childjourneys.child;

import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.childjourneys.InvalidInputException;
import org.childjourneys.graphql.IdArgument;
import org.childjourneys.security.Actors;
import org.childjourneys.security.AuditBatch;
import org.childjourneys.security.Purpose;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ChildController {

  static final int MAX_SEARCH_RESULTS = 50;

  private final ChildService children;
  private final Actors actors;

  ChildController(ChildService children, Actors actors) {
    this.children = children;
    this.actors = actors;
  }

  /** A child's record for a purpose; a refused read answers exactly like a missing child. */
  @QueryMapping
  ChildView child(
      @Argument String id,
      @Argument Purpose purpose,
      @ContextValue(name = AuditBatch.CONTEXT_KEY) AuditBatch audit,
      DataFetchingEnvironment env) {
    IdArgument.check("id", id);
    return children.read(actors.require(), purpose, id, what(env), audit).orElse(null);
  }

  @QueryMapping
  List<ChildView> children(
      @Argument List<String> ids,
      @Argument Purpose purpose,
      @ContextValue(name = AuditBatch.CONTEXT_KEY) AuditBatch audit,
      DataFetchingEnvironment env) {
    if (ids.isEmpty() || ids.size() > MAX_SEARCH_RESULTS) {
      throw new InvalidInputException(
          "ids", "between 1 and " + MAX_SEARCH_RESULTS + " ids, was " + ids.size());
    }
    ids.forEach(id -> IdArgument.check("ids", id));
    return children.read(actors.require(), purpose, ids, what(env), audit);
  }

  @QueryMapping
  ChildService.AuditSample auditSample(
      @Argument Purpose purpose,
      @Argument String kind,
      @Argument LocalDate openOn,
      @Argument String teamId,
      @Argument Integer size,
      @Argument Integer seed,
      @ContextValue(name = AuditBatch.CONTEXT_KEY) AuditBatch audit) {
    if (purpose != Purpose.AUDIT) {
      throw new InvalidInputException(
          "purpose", "an audit sample is read for AUDIT, was " + purpose);
    }
    int n = size == null ? 10 : size;
    if (n < 1 || n > MAX_SEARCH_RESULTS) {
      throw new InvalidInputException("size", "from 1 to " + MAX_SEARCH_RESULTS + ", was " + n);
    }
    IdArgument.check("teamId", teamId);
    return children.auditSample(
        actors.require(), purpose, kind, openOn, teamId, n, seed == null ? 1 : seed, audit);
  }

  @QueryMapping
  List<ChildService.Match> searchChildren(
      @Argument Purpose purpose,
      @Argument String name,
      @Argument LocalDate birthDate,
      @Argument String postcode,
      @Argument String identifier,
      @Argument Integer first,
      @ContextValue(name = AuditBatch.CONTEXT_KEY) AuditBatch audit) {
    int size = first == null ? 10 : first;
    if (size < 1 || size > MAX_SEARCH_RESULTS) {
      throw new InvalidInputException(
          "first", "between 1 and " + MAX_SEARCH_RESULTS + ", was " + size);
    }
    ChildSearch search = ChildSearch.of(name, birthDate, postcode, identifier);
    return children.search(actors.require(), purpose, search, size, audit);
  }

  @BatchMapping(typeName = "Child")
  Map<ChildView, List<ChildView.PersonRecordView>> records(List<ChildView> batch) {
    return children.records(batch);
  }

  /**
   * What of the record the request reads, for the audit trail: "child record: chronology,...", the
   * child's fields asked for. Read from the request's syntax tree (fragments followed,
   * {@code @skip}/{@code @include} applied): the normalised selection set would be built for the
   * whole operation, a few hundred fields of a triage request, only for this.
   */
  private static String what(DataFetchingEnvironment env) {
    TreeSet<String> names = new TreeSet<>();
    collect(env.getField().getSelectionSet(), env, names);
    return "child record: " + String.join(",", names);
  }

  private static void collect(SelectionSet set, DataFetchingEnvironment env, Set<String> names) {
    if (set == null) {
      return;
    }
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof DirectivesContainer<?> d && !included(d, env)) {
        continue;
      }
      if (selection instanceof Field f) {
        if (!f.getName().startsWith("__")) {
          names.add(f.getName());
        }
      } else if (selection instanceof InlineFragment i) {
        collect(i.getSelectionSet(), env, names);
      } else if (selection instanceof FragmentSpread spread) {
        FragmentDefinition fragment = env.getFragmentsByName().get(spread.getName());
        if (fragment != null) {
          collect(fragment.getSelectionSet(), env, names);
        }
      }
    }
  }

  /** False when {@code @skip(if: true)} or {@code @include(if: false)} leaves it out. */
  private static boolean included(DirectivesContainer<?> node, DataFetchingEnvironment env) {
    for (Directive directive : node.getDirectives()) {
      boolean skip = directive.getName().equals("skip");
      if (!skip && !directive.getName().equals("include")) {
        continue;
      }
      var condition = directive.getArgument("if");
      Object value =
          condition == null
              ? null
              : condition.getValue() instanceof BooleanValue b
                  ? b.isValue()
                  : condition.getValue() instanceof VariableReference v
                      ? env.getVariables().get(v.getName())
                      : null;
      if (Boolean.TRUE.equals(value) == skip) {
        return false;
      }
    }
    return true;
  }
}
