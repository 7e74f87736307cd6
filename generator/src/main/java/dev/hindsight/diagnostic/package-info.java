/**
 * Diagnostics: every problem a user sees, with file, line, column, a stable code, a severity, a
 * message and a hint; and the reporters that print them as text, JSON or GitHub annotations.
 * Shared by every stage; depends on nothing else of Hindsight.
 */
package dev.hindsight.diagnostic;
