import { stapelingKostenStub, stapelingToewijzingenResolver, Wet } from '@sociaal-graph/toolkit';

/** Stub of toegang's StapelingKosten: wmo hands inkoop the Wmo toewijzingen of the households' members. */
export const StapelingKosten = stapelingKostenStub();
export const StapelingKostenResolver = stapelingToewijzingenResolver(StapelingKosten, { wet: Wet.WMO, veld: 'wmoToewijzingen' });
