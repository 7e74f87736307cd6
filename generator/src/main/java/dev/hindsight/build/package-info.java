/**
 * Build: wires the stages in their order (validate, analyse, render, publish) and returns what
 * happened. No framework: the stages are passed in or created here.
 */
package dev.hindsight.build;
