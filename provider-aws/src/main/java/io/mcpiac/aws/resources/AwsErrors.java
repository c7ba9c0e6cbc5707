package io.mcpiac.aws.resources;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** AWS's own error code and message, as a user searches for them. */
public final class AwsErrors {
  private AwsErrors() {}

  /** {@code InvalidAMIID.NotFound: The image id '[ami-1]' does not exist}. */
  public static String message(AwsServiceException e) {
    if (e.awsErrorDetails() == null) {
      return e.getMessage();
    }
    String code = e.awsErrorDetails().errorCode();
    String message = e.awsErrorDetails().errorMessage();
    if (code == null || code.isBlank()) {
      return message != null ? message : e.getMessage();
    }
    return code + ": " + (message == null ? "(no message)" : message);
  }

  public static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  /** Whether AWS says the object does not exist (any service's spelling of it). */
  public static boolean notFound(AwsServiceException e) {
    String code = code(e);
    return e.statusCode() == 404
        || (code != null
            && (code.endsWith(".NotFound")
                || code.endsWith("NotFound")
                // RDS's spelling: DBSubnetGroupNotFoundFault
                || code.endsWith("NotFoundFault")
                || code.equals("NoSuchEntity")
                || code.equals("NoSuchBucket")
                || code.equals("DBInstanceNotFound")));
  }
}
