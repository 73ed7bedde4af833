package org.childjourneys;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.QueryType;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Watches every Cypher statement the service sends through its driver, in every test context that
 * imports {@link Config} (the shared integration tests and the import tests), so the whole API and
 * every import are checked as the tests exercise them:
 *
 * <ul>
 *   <li>it counts statements, so tests can prove a request's query count does not grow with the
 *       number of children (no N+1);
 *   <li>it checks each transaction's access mode against what its statements do, by {@code EXPLAIN}
 *       (the query type Neo4j reports): a statement that writes must run in a WRITE transaction (on
 *       a cluster a READ one is routed to a follower and fails), and a transaction that only reads
 *       must be a READ one (so a cluster can serve it from any member). A breach fails the
 *       statement or the commit with an {@link AssertionError} naming the query, so the test that
 *       made the request fails.
 * </ul>
 */
public final class QueryCounter {

  private static final AtomicLong STATEMENTS = new AtomicLong();
  private static final Map<String, QueryType> TYPES = new ConcurrentHashMap<>();
  private static final List<String> BREACHES = new CopyOnWriteArrayList<>();

  /** ACCESS_MODE=report lists breaches at exit instead of failing (to survey them). */
  private static final boolean REPORT_ONLY = "report".equals(System.getenv("ACCESS_MODE"));

  static {
    if (REPORT_ONLY) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      java.nio.file.Files.write(
                          java.nio.file.Path.of("target", "access-mode-breaches.txt"),
                          new java.util.TreeSet<>(BREACHES),
                          java.nio.file.StandardOpenOption.CREATE,
                          java.nio.file.StandardOpenOption.APPEND);
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  }));
    }
  }

  private QueryCounter() {}

  /**
   * Sees every statement with its parameters (a {@code Map}, a driver {@code Value} or null), when
   * set: QueryPlanReport records the statements the service runs to profile them.
   */
  public static volatile java.util.function.BiConsumer<String, Object> listener;

  public static long statements() {
    return STATEMENTS.get();
  }

  /** Every access-mode breach seen so far in this JVM (also thrown where it happened). */
  public static List<String> breaches() {
    return List.copyOf(BREACHES);
  }

  /** The query types seen so far, by statement text (for tests of this checker). */
  public static Map<String, QueryType> queryTypes() {
    return Map.copyOf(TYPES);
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    static BeanPostProcessor countingDriver() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof Driver driver ? new Watch(driver).wrap(driver, null, null) : bean;
        }
      };
    }
  }

  /** One transaction's statements and mode, checked when it ends. */
  private static final class Transaction {
    final AccessMode mode;
    final List<String> statements = new ArrayList<>();
    boolean checked;

    Transaction(AccessMode mode) {
      this.mode = mode;
    }
  }

  private static final class Watch {
    private final Driver driver;

    Watch(Driver driver) {
      this.driver = driver;
    }

    /** The type of a statement, by EXPLAIN on a session of its own (not watched). */
    QueryType type(String text) {
      return TYPES.computeIfAbsent(
          text,
          t -> {
            try (var session = driver.session(SessionConfig.builder().build())) {
              return session.run("EXPLAIN " + t).consume().queryType();
            } catch (RuntimeException e) {
              return null; // not explainable (e.g. a procedure call): not judged
            }
          });
    }

    void statement(Transaction tx, Object[] args) {
      STATEMENTS.incrementAndGet();
      Object query = args[0];
      String text = query instanceof Query q ? q.text() : String.valueOf(query);
      var seen = listener;
      if (seen != null) {
        seen.accept(
            text, query instanceof Query q ? q.parameters() : args.length > 1 ? args[1] : null);
      }
      tx.statements.add(text);
      QueryType type = type(text);
      if (tx.mode == AccessMode.READ && type != null && type != QueryType.READ_ONLY) {
        breach("a " + type + " statement in a READ transaction: " + text);
      }
    }

    void end(Transaction tx) {
      if (tx.checked || tx.statements.isEmpty()) {
        return;
      }
      tx.checked = true;
      if (tx.mode == AccessMode.WRITE
          && tx.statements.stream().allMatch(s -> type(s) == QueryType.READ_ONLY)) {
        breach("a WRITE transaction that only reads: " + tx.statements);
      }
    }

    private static void breach(String what) {
      BREACHES.add(what);
      if (REPORT_ONLY) {
        return;
      }
      throw new AssertionError("Access mode: " + what);
    }

    /**
     * A proxy of a driver object: sessions know their default access mode, transactions collect
     * their statements, managed transaction callbacks get a watched transaction context.
     */
    Object wrap(Object target, AccessMode sessionMode, Transaction tx) {
      Class<?>[] interfaces =
          java.util.Arrays.stream(ClassUtils.getAllInterfacesForClass(target.getClass()))
              .filter(i -> java.lang.reflect.Modifier.isPublic(i.getModifiers()))
              .filter(i -> i.getPackageName().startsWith("org.neo4j.driver"))
              .toArray(Class<?>[]::new);
      if (interfaces.length == 0) {
        return target;
      }
      InvocationHandler handler =
          (proxy, method, args) -> {
            String name = method.getName();
            Object[] callArgs = args;
            AccessMode managed =
                name.startsWith("executeRead")
                    ? AccessMode.READ
                    : name.startsWith("executeWrite") ? AccessMode.WRITE : null;
            Transaction managedTx = managed == null ? null : new Transaction(managed);
            if (managedTx != null && args != null && args.length > 0 && args[0] != null) {
              callArgs = args.clone();
              callArgs[0] = watchedCallback(args[0], managedTx);
            }
            Transaction autoCommit = null;
            if (name.equals("run")) {
              if (tx != null) {
                statement(tx, args);
              } else if (sessionMode != null) {
                autoCommit = new Transaction(sessionMode);
                statement(autoCommit, args);
              }
            }
            Object result;
            try {
              result = method.invoke(target, callArgs);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
            if (tx != null && name.equals("commit")) {
              end(tx); // a rolled-back write (e.g. a refused merge) may have only read
            }
            if (autoCommit != null) {
              end(autoCommit);
            }
            if (managedTx != null) {
              end(managedTx);
            }
            Class<?> type = method.getReturnType();
            if (result == null
                || !type.isInterface()
                || !type.getPackageName().startsWith("org.neo4j.driver")
                || type.getSimpleName().equals("Result")) {
              return result;
            }
            if (name.equals("session")) {
              AccessMode mode = AccessMode.WRITE;
              for (Object a : args == null ? new Object[0] : args) {
                if (a instanceof SessionConfig config) {
                  mode = config.defaultAccessMode();
                }
              }
              return wrap(result, mode, null);
            }
            if (name.equals("beginTransaction")) {
              return wrap(result, null, new Transaction(sessionMode));
            }
            return wrap(result, sessionMode, tx);
          };
      return Proxy.newProxyInstance(QueryCounter.class.getClassLoader(), interfaces, handler);
    }

    /** The managed transaction's callback, handed a watched transaction context. */
    private Object watchedCallback(Object callback, Transaction tx) {
      Class<?>[] interfaces = ClassUtils.getAllInterfacesForClass(callback.getClass());
      return Proxy.newProxyInstance(
          QueryCounter.class.getClassLoader(),
          interfaces,
          (proxy, method, args) -> {
            Object[] callArgs = args;
            if (args != null
                && args.length == 1
                && args[0] != null
                && args[0].getClass().getName().startsWith("org.neo4j.driver")) {
              callArgs = new Object[] {wrap(args[0], null, tx)};
            }
            try {
              return method.invoke(callback, callArgs);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
