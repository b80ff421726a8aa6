/** The lab's command line: {@code up} now; {@code compare} runs the techniques side by side. */
@NullMarked
package io.interservice.lab;

import org.jspecify.annotations.NullMarked;
