package dev.computeplan.procurement.model;

/** Servers a site already owns: how many, of which SKU, and how old they are at the start of the horizon. */
public record ExistingServers(String sku, Integer servers, Integer ageQuarters) {}
