package co.wpfoods.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test a fresh PostgreSQL database (on the JVM's shared embedded server, logical replication on) and
 * the JVM's shared KRaft Kafka broker. Sets {@code spring.datasource.*}, {@code spring.kafka.bootstrap-servers} and
 * {@code wpfoods.test.database}. Each annotated test class gets its own database and its own application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedInfra {

    /** Set false for a test that needs only PostgreSQL. */
    boolean kafka() default true;
}
