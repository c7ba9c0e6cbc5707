package io.mcpiac.engine.execution;

import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.errors.KindedError;
import io.mcpiac.engine.providers.Risk;
import java.util.List;
import java.util.stream.Collectors;

/** A provider's preflight found risks the user did not accept; nothing was changed. */
public class RiskRefusedException extends RuntimeException implements KindedError {
  private static final long serialVersionUID = 1L;
  private final transient List<Risk> risks;

  public RiskRefusedException(List<Risk> risks) {
    super(
        "refused before changing anything:\n"
            + risks.stream()
                .map(
                    r ->
                        "  "
                            + r.resource()
                            + ": "
                            + r.message()
                            + " (accept with --force-"
                            + r.code()
                            + "-risk)")
                .collect(Collectors.joining("\n")));
    this.risks = List.copyOf(risks);
  }

  public List<Risk> risks() {
    return risks;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.RISK_REFUSED;
  }
}
