package org.childjourneys.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourneys.InvalidInputException;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.AggregateScope;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flows between services (or involvement kinds) from one period to the next, as Sankey nodes and
 * links (docs/measures.md#flows). Suppressed for every role: links and nodes of 1 to 5 withheld,
 * and secondary suppression so no withheld count can be worked out from a node's links or a
 * period's nodes.
 */
@Service
public class ServiceFlowsService {

  static final int MAX_PERIODS = 20;
  static final String NONE = "NONE";

  /** The services from the highest tier down (V005 tiers; ties in this order). */
  static final List<String> SERVICE_ORDER =
      List.of(
          "SOCIAL_CARE",
          "YOUTH_JUSTICE",
          "EARLY_HELP",
          "SEND_NEET",
          "HOUSING",
          "POLICE",
          "EDUCATION",
          "HEALTH",
          "UNIVERSAL");

  /** The kinds that make a state, from the most intensive down, with their service. */
  static final Map<String, String> KIND_ORDER = new LinkedHashMap<>();

  static {
    KIND_ORDER.put("LAC_EPISODE", "SOCIAL_CARE");
    KIND_ORDER.put("CP_PLAN", "SOCIAL_CARE");
    KIND_ORDER.put("CIN_PLAN", "SOCIAL_CARE");
    KIND_ORDER.put("S47_ENQUIRY", "SOCIAL_CARE");
    KIND_ORDER.put("ASSESSMENT", "SOCIAL_CARE");
    KIND_ORDER.put("CIN_EPISODE", "SOCIAL_CARE");
    KIND_ORDER.put("YOT_CUSTODY", "YOUTH_JUSTICE");
    KIND_ORDER.put("YOT_COURT_ORDER", "YOUTH_JUSTICE");
    KIND_ORDER.put("YOT_OUT_OF_COURT", "YOUTH_JUSTICE");
    KIND_ORDER.put("EARLY_HELP_PLAN", "EARLY_HELP");
    KIND_ORDER.put("EARLY_HELP_ASSESSMENT", "EARLY_HELP");
    KIND_ORDER.put("EHC_PLAN", "SEND_NEET");
    KIND_ORDER.put("NEET_OR_NOT_KNOWN", "SEND_NEET");
    KIND_ORDER.put("HOMELESSNESS_CASE", "HOUSING");
    KIND_ORDER.put("CAMHS_TREATMENT", "HEALTH");
  }

  public record Flows(
      LocalDate from,
      LocalDate to,
      String every,
      String by,
      List<String> services,
      Integer children,
      List<FlowPeriod> periods,
      List<FlowNode> nodes,
      List<FlowLink> links) {}

  public record FlowPeriod(int index, LocalDate start, LocalDate end) {}

  public record FlowNode(String id, int period, String state, Integer children) {}

  public record FlowLink(
      String source,
      String target,
      int period,
      String fromState,
      String toState,
      Integer children) {}

  private final Neo4jClient neo4j;
  private final AggregateScope scope;

  ServiceFlowsService(Neo4jClient neo4j, AggregateScope scope) {
    this.scope = scope;
    this.neo4j = neo4j;
  }

  @Transactional(readOnly = true)
  public Flows flows(LocalDate from, LocalDate to, String every, String by, List<String> services) {
    String interval = every == null ? "QUARTER" : every;
    if (!interval.equals("QUARTER") && !interval.equals("YEAR")) {
      throw new InvalidInputException("every", "one of QUARTER, YEAR");
    }
    String dimension = by == null ? "SERVICE" : by;
    if (!dimension.equals("SERVICE") && !dimension.equals("KIND")) {
      throw new InvalidInputException("by", "one of SERVICE, KIND");
    }
    BaselinePeriods periods = BaselinePeriods.of(from, to, interval, MAX_PERIODS);
    if (periods.periods().size() < 2) {
      throw new InvalidInputException(
          "to", "flows need at least two periods: to must be in a later " + interval.toLowerCase());
    }
    List<String> chosen = ServiceTrendsService.services(services);
    List<String> states = new ArrayList<>();
    if (dimension.equals("SERVICE")) {
      SERVICE_ORDER.stream().filter(chosen::contains).forEach(states::add);
    } else {
      KIND_ORDER.forEach(
          (kind, service) -> {
            if (chosen.contains(service)) {
              states.add(kind);
            }
          });
    }
    Map<String, Object> ranks = new HashMap<>();
    for (int i = 0; i < states.size(); i++) {
      ranks.put(states.get(i), i);
    }
    Map<String, Object> params = new HashMap<>(periods.parameters());
    params.put("services", chosen);
    params.put("by", dimension);
    params.put("ranks", ranks);
    params.put(AggregateScope.PARAMETER, scope.systems());
    int n = periods.periods().size();
    // link counts by period, from state, to state (states as ranks; the last index for none)
    int none = states.size();
    long[][][] moves = new long[n - 1][none + 1][none + 1];
    long children = 0;
    int[] state = new int[n];
    for (Map<String, Object> r :
        neo4j.query(CypherFile.load("queries/baseline/flows")).bindAll(params).fetch().all()) {
      java.util.Arrays.fill(state, none);
      boolean any = false;
      for (Object o : (List<?>) r.get("steps")) {
        int code = ((Number) o).intValue();
        int rank = OpenStepCodes.tag(code);
        for (int p = OpenStepCodes.first(code); p <= OpenStepCodes.last(code, n); p++) {
          state[p] = Math.min(state[p], rank);
          any = true;
        }
      }
      if (!any) {
        continue; // only steps ending before they start: no state in any period
      }
      long count = ((Number) r.get("children")).longValue();
      children += count;
      for (int p = 0; p + 1 < n; p++) {
        moves[p][state[p]][state[p + 1]] += count;
      }
    }
    // in period order, then from and to state by rank with none last
    Map<String, Long> linkCounts = new LinkedHashMap<>();
    for (int p = 0; p + 1 < n; p++) {
      for (int a = 0; a <= none; a++) {
        for (int b = 0; b <= none; b++) {
          if (moves[p][a][b] > 0) {
            linkCounts.put(
                p + "|" + (a == none ? -1 : a) + "|" + (b == none ? -1 : b), moves[p][a][b]);
          }
        }
      }
    }
    return shown(periods, states, dimension, chosen, interval, linkCounts, children);
  }

  private static Flows shown(
      BaselinePeriods periods,
      List<String> states,
      String by,
      List<String> services,
      String every,
      Map<String, Long> linkCounts,
      long children) {
    int n = periods.periods().size();
    List<String> names = new ArrayList<>(states);
    names.add(NONE);
    // node key -> count, in and out links per node
    Map<String, Long> nodes = new LinkedHashMap<>();
    Map<String, List<String>> in = new HashMap<>();
    Map<String, List<String>> out = new HashMap<>();
    Map<String, String[]> linkEnds = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : linkCounts.entrySet()) {
      String[] k = e.getKey().split("\\|");
      int p = Integer.parseInt(k[0]);
      String source = nodeId(p, state(names, k[1]));
      String target = nodeId(p + 1, state(names, k[2]));
      String link = source + ">" + target;
      linkEnds.put(link, new String[] {source, target});
      out.computeIfAbsent(source, x -> new ArrayList<>()).add(link);
      in.computeIfAbsent(target, x -> new ArrayList<>()).add(link);
    }
    FlowSuppression table = new FlowSuppression();
    table.count("children", children);
    Map<String, Long> linkValues = new LinkedHashMap<>();
    linkCounts.forEach(
        (key, count) -> {
          String[] k = key.split("\\|");
          int p = Integer.parseInt(k[0]);
          linkValues.put(
              nodeId(p, state(names, k[1])) + ">" + nodeId(p + 1, state(names, k[2])), count);
        });
    linkValues.forEach(table::count);
    for (int p = 0; p < n; p++) {
      List<String> periodNodes = new ArrayList<>();
      for (String s : names) {
        String id = nodeId(p, s);
        List<String> links = p + 1 < n ? out.get(id) : in.get(id);
        if (links == null) {
          continue;
        }
        long count = links.stream().mapToLong(linkValues::get).sum();
        nodes.put(id, count);
        table.count(id, count);
        periodNodes.add(id);
      }
      table.group("children", periodNodes);
    }
    for (String id : nodes.keySet()) {
      if (out.containsKey(id)) {
        table.group(id, out.get(id));
      }
      if (in.containsKey(id)) {
        table.group(id, in.get(id));
      }
    }
    Set<String> withheld = table.withheld();
    List<FlowNode> nodeList = new ArrayList<>();
    nodes.forEach(
        (id, count) -> {
          String[] k = id.split(":", 2);
          nodeList.add(
              new FlowNode(
                  id,
                  Integer.parseInt(k[0]),
                  k[1],
                  withheld.contains(id) ? null : Math.toIntExact(count)));
        });
    List<FlowLink> links = new ArrayList<>();
    linkValues.forEach(
        (link, count) -> {
          String[] ends = linkEnds.get(link);
          links.add(
              new FlowLink(
                  ends[0],
                  ends[1],
                  Integer.parseInt(ends[0].split(":", 2)[0]),
                  ends[0].split(":", 2)[1],
                  ends[1].split(":", 2)[1],
                  withheld.contains(link) ? null : Math.toIntExact(count)));
        });
    List<FlowPeriod> ps =
        periods.periods().stream().map(p -> new FlowPeriod(p.index(), p.start(), p.end())).toList();
    return new Flows(
        periods.from(),
        periods.to(),
        every,
        by,
        services,
        withheld.contains("children") ? null : Math.toIntExact(children),
        ps,
        nodeList,
        links);
  }

  private static String state(List<String> names, String rank) {
    int r = Integer.parseInt(rank);
    return r < 0 ? NONE : names.get(r);
  }

  private static String nodeId(int period, String state) {
    return period + ":" + state;
  }
}
