/** The consumer service: orders priced with data that catalog owns. */
@NullMarked
package io.interservice.checkout;

import org.jspecify.annotations.NullMarked;
