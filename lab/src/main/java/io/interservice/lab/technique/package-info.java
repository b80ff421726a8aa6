/**
 * The techniques the lab can compare, by name: each a small class in {@link
 * io.interservice.lab.technique.Techniques}.
 */
@NullMarked
package io.interservice.lab.technique;

import org.jspecify.annotations.NullMarked;
