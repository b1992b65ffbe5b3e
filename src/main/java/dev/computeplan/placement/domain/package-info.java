/**
 * The placement engine's planning domain: nodes with named resource vectors, workloads to place, services,
 * gangs, racks and the cost data. Free of Spring and of the other kinds; the ROADEF reader maps onto these classes.
 */
package dev.computeplan.placement.domain;
