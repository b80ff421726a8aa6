package io.interservice.owner.push;

import java.util.UUID;

/**
 * A registered subscriber.
 *
 * @param id its id, sent with every delivery as {@code Subscriber-Id}
 * @param name the name it registered under (registering again rotates the secret)
 * @param callbackUrl where deliveries are POSTed
 * @param secret the key of the deliveries' HMAC signatures; only the subscriber learns it
 */
public record Subscriber(UUID id, String name, String callbackUrl, String secret) {}
