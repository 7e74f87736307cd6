package dev.hindsight.model;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in an ISO 4217 currency. */
public record Money(BigDecimal amount, String currency) {
  public Money {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) throw new IllegalArgumentException("negative amount: " + amount);
    if (currency == null || !currency.matches("[A-Z]{3}")) throw new IllegalArgumentException("currency: " + currency);
  }
}
