/**
 * Publish: makes a rendered site the output in one step, so that readers never see a partial site
 * and a failed or interrupted build leaves the previous one intact.
 */
package dev.hindsight.publish;
