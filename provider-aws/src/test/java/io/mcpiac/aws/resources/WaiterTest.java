package io.mcpiac.aws.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.providers.ProviderException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The waiter's own rules, where Moto cannot provoke them (it never answers DependencyViolation for
 * a VPC or subnet, and its states change at once): a delete refused while dependents go away is
 * tried again until it goes through or the timeout passes, with AWS's last answer; any other error
 * is not retried; a state not reached in time fails naming what was awaited and what was seen.
 */
class WaiterTest {
  private final Waiter waiter = new Waiter(Duration.ofMillis(1));

  private static AwsServiceException aws(String code, String message) {
    return AwsServiceException.builder()
        .statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .build();
  }

  @Test
  void aDeleteRefusedForDependentsIsTriedAgainUntilItGoesThrough() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        waiter.retrying(
            "DependencyViolation",
            "deleting vpc-1",
            Duration.ofSeconds(10),
            () -> {
              if (calls.incrementAndGet() < 4) {
                throw aws("DependencyViolation", "The vpc 'vpc-1' has dependencies");
              }
              return "deleted";
            });
    assertThat(result).isEqualTo("deleted");
    assertThat(calls).hasValue(4);
  }

  @Test
  void afterTheTimeoutAwsLastAnswerIsTheFailure() {
    assertThatThrownBy(
            () ->
                waiter.retrying(
                    "DependencyViolation",
                    "deleting sg-1",
                    Duration.ofMillis(50),
                    () -> {
                      throw aws("DependencyViolation", "resource sg-1 has a dependent object");
                    }))
        .isInstanceOf(AwsServiceException.class)
        .satisfies(
            e ->
                assertThat(AwsErrors.message((AwsServiceException) e))
                    .isEqualTo("DependencyViolation: resource sg-1 has a dependent object"));
  }

  @Test
  void otherErrorsAreNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                waiter.retrying(
                    "DependencyViolation",
                    "deleting vpc-1",
                    Duration.ofSeconds(10),
                    () -> {
                      calls.incrementAndGet();
                      throw aws("UnauthorizedOperation", "You are not authorized");
                    }))
        .isInstanceOf(AwsServiceException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aStateNotReachedInTimeFailsNamingItAndTheLastSeen() {
    assertThatThrownBy(
            () ->
                waiter.until(
                    "instance i-1 running",
                    Duration.ofMillis(50),
                    () -> Waiter.Look.notYet("pending")))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("waiting for instance i-1 running")
        .hasMessageContaining("last seen: pending");
  }
}
