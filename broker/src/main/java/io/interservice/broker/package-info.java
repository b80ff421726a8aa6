/** A Kafka node for the lab and the tests, in a JVM of its own. */
package io.interservice.broker;
