/** One run (a technique through a scenario) and what it measures. */
@NullMarked
package io.interservice.lab.run;

import org.jspecify.annotations.NullMarked;
