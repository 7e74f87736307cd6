/**
 * Model: small immutable records for incidents and the site configuration, validated in their
 * constructors. No I/O and no dependencies on other stages.
 */
package dev.hindsight.model;
