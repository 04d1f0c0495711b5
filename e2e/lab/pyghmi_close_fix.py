"""Shared by the pyghmi test BMCs: sessions end and begin as on a real BMC.

pyghmi 1.5's server keys a session by the client's address and UDP port, and routes every datagram from
that address to it when it reads them (several per wake-up). A client that keeps one socket for many
sessions, as BMC Desk does, meets three faults there; importing this module fixes them:

* A closed session stays registered, so a later session from the same port is fed to the dead one and
  never answered: Close Session now frees the slot.
* Datagrams read in the same batch as the Close Session (a new Open Session sent right after a Close
  Session that was not waited for) were queued on the closing session; once it was freed, pyghmi handed
  them to ServerSession.sessionless_data, which does not exist, and the AttributeError ended the BMC
  process. They now go to the server, which opens the new session.
* An Open Session Request from the address of a session that was never closed restarted that session
  in place, keeping its inbound sequence number, so every request of the new session was dropped as a
  replay. It now starts a new session, as a real BMC does.
"""
import pyghmi.ipmi.private.serversession as serversession
import pyghmi.ipmi.private.session as ipmisession


def forget_closed_session(self):
    handlers = ipmisession.Session.bmc_handlers.get(self.sockaddr)
    if handlers is not None and handlers.get(self.bmc.port) is self:
        del handlers[self.bmc.port]
        if not handlers:
            del ipmisession.Session.bmc_handlers[self.sockaddr]
    if self.pktqueue:
        self.bmc.pktqueue.extend(self.pktqueue)
        self.pktqueue.clear()
        ipmisession.sessionqueue.append(self.bmc)


def open_new_session(self, request):
    # The constructor registers the new session under this address (replacing this one) and answers.
    serversession.ServerSession(self.authdata, self.kg, self.sockaddr, self.socket, bytes(request),
                                self.uuid, bmc=self.bmc)


serversession.ServerSession.close_server_session = forget_closed_session
serversession.ServerSession._got_rmcp_openrequest = open_new_session
