package io.podometer.web.store;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A transactional method whose commit must survive a crash before it returns (a changed
 * organization model, a user, a token): see {@link StoreDurability}. Put it on the method that
 * begins the transaction.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Durable {}
