/** Scaffold: writes the skeleton of a new incident for {@code hindsight new}. */
package dev.hindsight.scaffold;
