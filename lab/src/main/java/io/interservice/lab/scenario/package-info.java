/** The scenario's public interfaces as the lab uses them: catalog's admin API. */
@NullMarked
package io.interservice.lab.scenario;

import org.jspecify.annotations.NullMarked;
