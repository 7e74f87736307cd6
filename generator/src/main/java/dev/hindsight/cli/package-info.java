/**
 * Command line: one thin picocli command per verb that parses options, calls the build or a
 * stage, prints the result and returns an exit code. Only {@link dev.hindsight.cli.Main#main}
 * calls {@code System.exit}.
 */
package dev.hindsight.cli;
