package io.podometer.web.store;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Syncs the store after a {@link Durable} method returns. It runs outside the transaction
 * interceptor (whose priority is {@code PLATFORM_BEFORE + 200}), so the transaction has committed
 * by then.
 */
@Durable
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class DurableInterceptor {

  @Inject AgroalDataSource dataSource;

  @AroundInvoke
  Object syncAfter(InvocationContext context) throws Exception {
    Object result = context.proceed();
    StoreDurability.sync(dataSource);
    return result;
  }
}
