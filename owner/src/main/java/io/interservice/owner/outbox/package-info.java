/**
 * The transactional outbox: the owner records each change in the change's own transaction ({@link
 * io.interservice.owner.outbox.Outbox}); a relay reads committed rows in commit order and hands
 * them to sinks ({@link io.interservice.owner.outbox.OutboxRelay}, {@link
 * io.interservice.owner.outbox.OutboxSink}).
 */
@NullMarked
package io.interservice.owner.outbox;

import org.jspecify.annotations.NullMarked;
