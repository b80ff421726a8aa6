/** What a transport implements to plug into the access library. */
@NullMarked
package io.interservice.access.spi;

import org.jspecify.annotations.NullMarked;
