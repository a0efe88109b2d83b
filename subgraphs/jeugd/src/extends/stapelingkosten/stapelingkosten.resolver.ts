import { stapelingKostenStub, stapelingToewijzingenResolver, Wet } from '@sociaal-graph/toolkit';

/** Stub of toegang's StapelingKosten: jeugd hands inkoop the Jeugdwet toewijzingen of the households' members. */
export const StapelingKosten = stapelingKostenStub();
export const StapelingKostenResolver = stapelingToewijzingenResolver(StapelingKosten, { wet: Wet.JEUGDWET, veld: 'jeugdToewijzingen' });
