package dev.computeplan.procurement.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/** Servers a site already owns: how many, of which SKU, and how old they are at the start of the horizon. */
public record ExistingServers(
        @NotBlank String sku,
        @NotNull @Positive @Max(1_000_000) Integer servers,
        @NotNull @PositiveOrZero @Max(100) Integer ageQuarters) {
}
