package io.interservice.lab.load;

import java.net.URI;

/**
 * Where the load's orders go, and as which client: checkout's URL and the {@code Authorization}
 * header of the client credential the lab was issued.
 *
 * @param url checkout's base URL
 * @param authorization the client's {@code Authorization} header value
 */
public record Client(URI url, String authorization) {}
