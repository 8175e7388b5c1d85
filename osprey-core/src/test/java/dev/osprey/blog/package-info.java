/**
 * Entities for the schema tests (a blog: users and their posts, a category tree, and a
 * chicken-and-egg reference cycle), with metamodels written by hand as the processor would.
 */
package dev.osprey.blog;
