/**
 * Validate: checks documents against the JSON Schema, then the rules about one incident, the
 * lints, and the rules across incidents. Takes the input folder and the configuration file; gives
 * a {@link dev.hindsight.validate.ValidationResult} with the incidents and every diagnostic.
 */
package dev.hindsight.validate;
