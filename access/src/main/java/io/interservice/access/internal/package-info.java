/** Implementation; not an API. */
@NullMarked
package io.interservice.access.internal;

import org.jspecify.annotations.NullMarked;
