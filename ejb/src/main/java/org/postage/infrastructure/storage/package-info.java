/** The server's data directory as the application sees it: the free space of the disk that holds accepted mail. */
package org.postage.infrastructure.storage;
