package org.childjourneys;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Counts the Cypher statements the service sends through its driver (every {@code run} on a session
 * or transaction it opened), so tests can prove a request's query count does not grow with the
 * number of children (no N+1). Installed in the shared integration-test context.
 */
public final class QueryCounter {

  private static final AtomicLong STATEMENTS = new AtomicLong();

  private QueryCounter() {}

  public static long statements() {
    return STATEMENTS.get();
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    static BeanPostProcessor countingDriver() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof Driver ? wrap(bean, Driver.class) : bean;
        }
      };
    }
  }

  private static Object wrap(Object target, Class<?> declared) {
    Class<?>[] interfaces =
        java.util.Arrays.stream(ClassUtils.getAllInterfacesForClass(target.getClass()))
            .filter(i -> java.lang.reflect.Modifier.isPublic(i.getModifiers()))
            .toArray(Class<?>[]::new);
    boolean hasDeclared = false;
    for (Class<?> i : interfaces) {
      hasDeclared |= declared.isAssignableFrom(i);
    }
    if (!hasDeclared) {
      return target;
    }
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("run")) {
            STATEMENTS.incrementAndGet();
          }
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          Class<?> type = method.getReturnType();
          if (result != null
              && type.isInterface()
              && type.getPackageName().startsWith("org.neo4j.driver")
              && !type.getSimpleName().equals("Result")) {
            return wrap(result, type);
          }
          return result;
        };
    return Proxy.newProxyInstance(QueryCounter.class.getClassLoader(), interfaces, handler);
  }
}
